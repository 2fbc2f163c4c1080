import type { Resources } from './en';

/** 中文。 */
export const zh: Resources = {
  app: {
    title: 'ResNet 图解',
    tagline: '在你自己的 GPU 上，让一个真实的张量走过真实的 ResNet-18',
    skipToContent: '跳到正文',
    language: '语言',
    offlineReady: '已保存，可离线使用',
    projector: '投影模式',
    loadingChapter: '正在加载本章…',
    nav: '章节',
  },
  chapters: {
    functionClasses: '1 · 函数类',
    residualBlock: '2 · 残差块',
    resnet18: '3 · 网络',
    race: '4 · 现场训练',
  },
  backend: {
    label: '运行于',
    runsOn: '运行于：{{name}}',
    detecting: '正在选择网络在哪里运行…',
    webgpu: 'WebGPU（GPU）',
    webgl: 'WebGL（GPU）',
    wasm: 'WebAssembly（CPU）',
    cpu: '纯 JavaScript（CPU）',
    fellBack: '此处无法使用 {{wanted}}（{{reason}}）；改为在 {{name}} 上运行。',
    deviceLost: 'GPU 停止响应（{{reason}}）；已切换到 {{name}}。',
    failed: '没有可用的计算后端：{{reason}}',
    details: '为什么用这个后端，用的哪份权重',
  },
  weights: {
    loading: '正在下载训练好的权重… {{percent}} %',
    trained: '在 Fashion-MNIST 上训练：在 {{images}} 张留出图像上的准确率为 {{accuracy}} %',
    random: '随机权重（种子 {{seed}}）：形状是真实的，预测不是。',
    problem: '无法使用训练好的权重：{{problem}}。改为显示随机权重。',
  },
  url: {
    ignored: '链接中有部分内容无法识别；页面改用默认值：',
    bad: '{{param}}={{value}}：应为{{expected}}。',
    expected: {
      oneOf: '{{values}} 之一',
      range: '{{min}} 到 {{max}} 之间的整数',
      setOf: '{{values}} 中的若干项，用逗号分隔',
      input: 'sample:<编号>、rand:<随机种子> 或一幅手绘图（draw:…）',
      step: '网络中的一步，例如 b3.0.conv3',
      blk: '实验室配置，例如 3_6_1_2__4_3_6_6',
      fstar: '图中的一个点 x,y，例如 84,24',
      rdepths: '从 8、20、32、56 中选取的深度，用逗号分隔，例如 8,32',
      removed: '网络中的一个残差块，例如 b3.0',
    },
  },
  resnet18: {
    heading: '网络，逐层追踪',
    intro:
      'd2l 笔记本的第 9 个单元把 X = torch.rand(size=(1, 1, {{size}}, {{size}})) 逐层送入 resnet_18 并打印形状。这里同一个网络在你的浏览器中运行。',
    tracing: '正在 {{backend}} 上追踪…',
    traced: '在 {{backend}} 上追踪了 {{count}} 个运算，用时 {{ms}} 毫秒。',
    stage: '层',
    shape: '输出形状',
    params: '参数',
    printout: 'd2l 笔记本的输出',
    error: '追踪失败：{{message}}',
  },
};
