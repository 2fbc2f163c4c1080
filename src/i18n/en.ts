/** English strings. Every key here must exist in zh.ts (a test checks). */
export const en = {
  app: {
    title: 'ResNet Explainer',
    tagline: 'Step a real tensor through a real ResNet-18, on your own GPU',
    skipToContent: 'Skip to content',
    language: 'Language',
    offlineReady: 'Saved for offline use',
    projector: 'Projector mode',
    loadingChapter: 'Loading the chapter…',
    nav: 'Chapters',
  },
  chapters: {
    functionClasses: '1 · Function classes',
    residualBlock: '2 · The residual block',
    resnet18: '3 · The network',
    race: '4 · Train it live',
  },
  backend: {
    label: 'Runs on',
    runsOn: 'Runs on: {{name}}',
    detecting: 'Choosing where the network runs…',
    webgpu: 'WebGPU (GPU)',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly (CPU)',
    cpu: 'plain JavaScript (CPU)',
    fellBack: '{{wanted}} is not available here ({{reason}}); running on {{name}} instead.',
    deviceLost: 'The GPU stopped responding ({{reason}}); switched to {{name}}.',
    failed: 'No compute backend could start: {{reason}}',
    details: 'Why this backend, which weights',
  },
  weights: {
    loading: 'Downloading the trained weights… {{percent}} %',
    trained: 'Trained on Fashion-MNIST: {{accuracy}} % correct on {{images}} held-out images',
    random: 'Random weights (seed {{seed}}): the shapes are real, the predictions are not.',
    problem: 'The trained weights could not be used: {{problem}}. Showing random weights instead.',
  },
  url: {
    ignored: 'Part of this link was not understood; the page shows its default instead:',
    bad: '{{param}}={{value}}: expected {{expected}}.',
    expected: {
      oneOf: 'one of {{values}}',
      range: 'a whole number from {{min}} to {{max}}',
      setOf: 'some of {{values}}, separated by commas',
      input: 'sample:<id>, rand:<seed> or a drawing (draw:…)',
      step: 'a step of the network, such as b3.0.conv3',
      blk: 'a lab configuration such as 3_6_1_2__4_3_6_6',
      fstar: 'a point x,y of the figure, such as 84,24',
      rdepths: 'depths from 8, 20, 32 and 56, separated by commas, such as 8,32',
      removed: 'a residual block of the network, such as b3.0',
    },
  },
  resnet18: {
    heading: 'The network, layer by layer',
    intro:
      "The d2l notebook's cell 9 runs X = torch.rand(size=(1, 1, {{size}}, {{size}})) through each layer of resnet_18 and prints the shape. Here the same network runs in your browser.",
    tracing: 'Tracing on {{backend}}…',
    traced: 'Traced {{count}} operations in {{ms}} ms on {{backend}}.',
    stage: 'Layer',
    shape: 'Output shape',
    params: 'Parameters',
    printout: 'What the notebook prints',
    error: 'The trace failed: {{message}}',
  },
};

/** The shape of the string table, with string leaves. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Resources = Strings<typeof en>;
