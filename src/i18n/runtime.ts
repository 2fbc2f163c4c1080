/** Strings of the compute runtime: why a backend runs, threads, the memory panel (same keys in both; a test checks). */
const en = {
  runtime: {
    why: {
      faster:
        '{{name}} — {{times}}× faster than {{other}} here (a {{size}}×{{size}} forward pass: {{ms}} ms against {{otherMs}} ms).',
      fasterAtLeast:
        '{{name}} — more than {{times}}× faster than {{other}} here (a {{size}}×{{size}} forward pass: {{ms}} ms; the other stopped after {{otherMs}} ms).',
      only: '{{name}} — the only backend that started here.',
      unmeasured: '{{name}} — measured first; the time for measuring ran out before {{others, list}}.',
      remembered: 'Measured on an earlier visit with this browser and adapter.',
      notTimed:
        'Not timed: {{others, list}}. A software adapter draws on the same CPU and takes seconds to start, so timing it would hold up your traces; add ?backend=webgpu to the link to run on it anyway.',
      requested: '{{name}} — as the link asks (?backend={{param}}).',
      deviceLost: '{{name}} — the next backend after the GPU device was lost.',
    },
    software: {
      webgpu: 'WebGPU (software adapter)',
      webgl: 'WebGL (software adapter)',
      wasm: 'WebAssembly (CPU)',
      cpu: 'plain JavaScript (CPU)',
    },
    downsized:
      'This device ran out of memory tracing at {{from}}×{{from}}; the trace below is at {{to}}×{{to}}. Choose a smaller size, or close other tabs and try again.',
    threads: '{{count}} threads',
    oneThread: 'one thread (threads need a cross-origin isolated page)',
    panel: {
      heading: 'What the trace costs',
      tensors: 'tensors {{count}}',
      megabytes: '{{mb}} MB held',
      lastTrace: 'last trace {{ms}} ms',
      backend: 'on {{backend}}',
      teach: 'Every activation stays in memory so you can step back to it: a larger input holds more megabytes.',
    },
  },
};

const zh: typeof en = {
  runtime: {
    why: {
      faster:
        '{{name}}——在这台机器上比 {{other}} 快 {{times}} 倍（{{size}}×{{size}} 的一次前向传播：{{ms}} 毫秒对 {{otherMs}} 毫秒）。',
      fasterAtLeast:
        '{{name}}——在这台机器上比 {{other}} 快 {{times}} 倍以上（{{size}}×{{size}} 的一次前向传播：{{ms}} 毫秒；另一个在 {{otherMs}} 毫秒后被停下）。',
      only: '{{name}}——这里唯一能启动的后端。',
      unmeasured: '{{name}}——最先测量；还没轮到{{others, list}}，测量时间就用完了。',
      remembered: '这是之前用同一浏览器和同一适配器访问时测得的结果。',
      notTimed:
        '未测量：{{others, list}}。软件适配器占用同一块 CPU，启动要几秒钟，测量它会拖慢你的追踪；如果仍想使用，请在链接里加上 ?backend=webgpu。',
      requested: '{{name}}——按链接要求（?backend={{param}}）。',
      deviceLost: '{{name}}——GPU 设备丢失后的下一个后端。',
    },
    software: {
      webgpu: 'WebGPU（软件适配器）',
      webgl: 'WebGL（软件适配器）',
      wasm: 'WebAssembly（CPU）',
      cpu: '纯 JavaScript（CPU）',
    },
    downsized:
      '这台设备在 {{from}}×{{from}} 上追踪时内存不足；下面的追踪改用 {{to}}×{{to}}。请选择更小的尺寸，或关闭其他标签页后重试。',
    threads: '{{count}} 个线程',
    oneThread: '单线程（多线程需要页面处于跨源隔离状态）',
    panel: {
      heading: '这次追踪的代价',
      tensors: '张量 {{count}} 个',
      megabytes: '占用 {{mb}} MB',
      lastTrace: '上次追踪 {{ms}} 毫秒',
      backend: '在 {{backend}} 上',
      teach: '每个激活值都留在内存里，你才能随时退回去查看：输入越大，占用的内存越多。',
    },
  },
};

export const runtimeStrings = { en, zh };
