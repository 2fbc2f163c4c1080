/** Words of the figures' "Download" control and of the captions drawn into the files. */
const en = {
  figures: {
    download: 'Download',
    diagram: '{{name}}: its layers, shapes and parameters',
    as: 'Download “{{title}}” as {{format}}',
    shape: 'shape',
    step: 'step',
    failed: 'The figure could not be saved; try the other format.',
    /** The button of the SVG drawn for a 16:9 slide (text of at least 18 pt at full slide width). */
    slides: 'SVG for slides',
    slidesFormat: 'SVG for slides (large text)',
    /** The button of the feature-map grid's PNG drawn for a 16:9 slide (1,920 pixels wide, text of at least 18 pt). */
    slidesPng: 'PNG for slides',
    slidesPngFormat: 'PNG for slides (large text)',
    perChannelFile: 'Per channel: each tile has its own range and colour map; this bar is channel {{c}}’s.',
    perChannel:
      'Per channel: each tile has its own range and colour map; this bar is channel {{c}}’s (point at a tile to see its own).',
  },
};

const zh: typeof en = {
  figures: {
    download: '下载',
    diagram: '{{name}}：各层、形状与参数',
    as: '将“{{title}}”下载为 {{format}}',
    shape: '形状',
    step: '步骤',
    failed: '无法保存此图；请试另一种格式。',
    slides: '幻灯片用 SVG',
    slidesFormat: '幻灯片用 SVG（大字）',
    slidesPng: '幻灯片用 PNG',
    slidesPngFormat: '幻灯片用 PNG（大字）',
    perChannelFile: '逐通道：每个小图有自己的数值范围和配色；这条色带是通道 {{c}} 的。',
    perChannel: '逐通道：每个小图有自己的数值范围和配色；这条色带是通道 {{c}} 的（指向某个小图可看它自己的）。',
  },
};

export const figureStrings = { en, zh };
