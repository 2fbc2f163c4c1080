/**
 * The code of every variant in the notebook's style, with the same line ids as `NOTEBOOK_CODE`
 * (so the stepper highlights the line that produced the current tensor): the block's
 * class, `resnet_block`, b1 … b5 and the network. ResNet-18 is the notebook's own code.
 */
import { archStages, type ArchSpec, type BlockArgs } from '../../model';
import { NOTEBOOK_CODE, type CodeLine } from './notebookCode';

const BOTTLENECK: readonly CodeLine[] = [
  { cell: 'In [2]:', text: 'class Bottleneck(nn.Module):', id: 'class' },
  { text: '    def __init__(self, input_channels, num_channels,' },
  { text: '                use_1x1conv=False, strides=1):' },
  { text: '        super().__init__()' },
  { text: '        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=1)' },
  { text: '        self.bn1 = nn.BatchNorm2d(num_channels)' },
  { text: '        self.conv2 = nn.Conv2d(num_channels, num_channels,' },
  { text: '                              kernel_size=3, padding=1, stride=strides)' },
  { text: '        self.bn2 = nn.BatchNorm2d(num_channels)' },
  { text: '        self.conv3 = nn.Conv2d(num_channels, 4 * num_channels, kernel_size=1)' },
  { text: '        self.bn3 = nn.BatchNorm2d(4 * num_channels)' },
  { text: '        if use_1x1conv:' },
  { text: '            self.conv4 = nn.Conv2d(input_channels, 4 * num_channels,' },
  { text: '                                   kernel_size=1, stride=strides)' },
  { text: '        else:' },
  { text: '            self.conv4 = None' },
  { text: '        ' },
  { text: '    def forward(self, X):', id: 'fwd.def' },
  { text: '        Y = F.relu(self.bn1(self.conv1(X)))', id: 'fwd.y1' },
  { text: '        Y = F.relu(self.bn2(self.conv2(Y)))', id: 'fwd.y2' },
  { text: '        Y = self.bn3(self.conv3(Y))', id: 'fwd.y3' },
  { text: '        if self.conv4:' },
  { text: '            X = self.conv4(X)', id: 'fwd.shortcut' },
  { text: '        print(Y.shape)', id: 'fwd.printY' },
  { text: '        print(X.shape)', id: 'fwd.printX' },
  { text: '        Y += X', id: 'fwd.add' },
  { text: '        return F.relu(Y)', id: 'fwd.relu' },
];

const PREACT: readonly CodeLine[] = [
  { cell: 'In [2]:', text: 'class PreActResidual(nn.Module):', id: 'class' },
  { text: '    def __init__(self, input_channels, num_channels,' },
  { text: '                use_1x1conv=False, strides=1):' },
  { text: '        super().__init__()' },
  { text: '        self.bn1 = nn.BatchNorm2d(input_channels)' },
  { text: '        self.conv1 = nn.Conv2d(input_channels, num_channels,' },
  { text: '                              kernel_size=3, padding=1, stride=strides)' },
  { text: '        self.bn2 = nn.BatchNorm2d(num_channels)' },
  { text: '        self.conv2 = nn.Conv2d(num_channels, num_channels,' },
  { text: '                              kernel_size=3, padding=1)' },
  { text: '        if use_1x1conv:' },
  { text: '            self.conv3 = nn.Conv2d(input_channels, num_channels,' },
  { text: '                              kernel_size=1, stride=strides)' },
  { text: '        else:' },
  { text: '            self.conv3 = None' },
  { text: '        ' },
  { text: '    def forward(self, X):', id: 'fwd.def' },
  { text: '        Y = self.conv1(F.relu(self.bn1(X)))', id: 'fwd.y1' },
  { text: '        Y = self.conv2(F.relu(self.bn2(Y)))', id: 'fwd.y2' },
  { text: '        if self.conv3:' },
  { text: '            X = self.conv3(X)  # the raw X, not relu(bn1(X))', id: 'fwd.shortcut' },
  { text: '        print(Y.shape)', id: 'fwd.printY' },
  { text: '        print(X.shape)', id: 'fwd.printX' },
  { text: '        return Y + X', id: 'fwd.add' },
];

function className(arch: ArchSpec): string {
  return arch.block === 'bottleneck' ? 'Bottleneck' : arch.block === 'preact' ? 'PreActResidual' : 'Residual';
}

/** `resnet_block` for the variant's block (a bottleneck's first block always has a shortcut). */
function resnetBlockLines(arch: ArchSpec): CodeLine[] {
  const cls = className(arch);
  const pad = ' '.repeat(cls.length + 24);
  if (arch.block === 'bottleneck') {
    return [
      { cell: 'In [4]:', text: 'def resnet_block(input_channels, num_channels, ' },
      { text: '                 num_residuals, first_block=False):' },
      { text: '    blk = []' },
      { text: '    for i in range(num_residuals):' },
      { text: '        if i==0:' },
      { text: `            blk.append(${cls}(input_channels, num_channels,`, id: 'blk.first' },
      { text: `${pad}use_1x1conv=True, strides=1 if first_block else 2))` },
      { text: '        else:' },
      { text: `            blk.append(${cls}(4 * num_channels, num_channels))`, id: 'blk.other' },
      { text: '    return blk' },
    ];
  }
  return [
    { cell: 'In [4]:', text: 'def resnet_block(input_channels, num_channels, ' },
    { text: '                 num_residuals, first_block=False):' },
    { text: '    blk = []' },
    { text: '    for i in range(num_residuals):' },
    { text: '        if i==0 and not first_block:' },
    { text: `            blk.append(${cls}(input_channels, num_channels,`, id: 'blk.first' },
    { text: `${pad}use_1x1conv=True, strides=2))` },
    { text: '        else:' },
    { text: `            blk.append(${cls}(num_channels, num_channels))`, id: 'blk.other' },
    { text: '    return blk' },
  ];
}

/** The code the stepper shows for a variant. */
export function variantCode(arch: ArchSpec): readonly CodeLine[] {
  if (arch.id === 'resnet18') return NOTEBOOK_CODE;
  const block =
    arch.block === 'bottleneck' ? BOTTLENECK : arch.block === 'preact' ? PREACT : NOTEBOOK_CODE.slice(0, 25);
  const b1 = NOTEBOOK_CODE.filter((l) => l.id?.startsWith('b1.'));
  const stages = archStages(arch).map((s, i): CodeLine => {
    const first = s.blocks[0] as BlockArgs;
    const args = `${first.inputChannels}, ${first.numChannels}, ${s.blocks.length}${i === 0 ? ', first_block=True' : ''}`;
    return {
      ...(i === 0 ? { cell: 'In [6]:' } : {}),
      text: `${s.name} = nn.Sequential(*resnet_block(${args}))`,
      id: s.name,
    };
  });
  const features = arch.block === 'bottleneck' ? 2048 : 512;
  const variable = arch.id.replace('-', '_');
  const head: CodeLine[] = [
    { cell: 'In [7]:', text: `${variable} = nn.Sequential(b1, b2, b3, b4, b5,`, id: 'resnet18' },
    ...(arch.block === 'preact'
      ? [{ text: `                    nn.BatchNorm2d(${features}), nn.ReLU(),`, id: 'headbn' }]
      : []),
    { text: '                    nn.AdaptiveAvgPool2d((1,1)),', id: 'pool' },
    { text: `                    nn.Flatten(), nn.Linear(${features}, 10))`, id: 'head' },
  ];
  const input = NOTEBOOK_CODE.filter((l) => l.id === 'input');
  return [...block, ...resnetBlockLines(arch), ...b1, ...stages, ...head, ...input];
}
