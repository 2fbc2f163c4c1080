/**
 * The notebook's PyTorch code, line for line as the notebook has it (cells 2, 4, 5, 6, 7, 8),
 * with ids on the lines the stepper highlights. Generated from the notebook text; do not retype.
 */
export interface CodeLine {
  /** The notebook cell this line opens, e.g. `In [2]:`. */
  readonly cell?: string;
  readonly text: string;
  readonly id?: string;
}

export const NOTEBOOK_CODE: readonly CodeLine[] = [
  { cell: 'In [2]:', text: 'class Residual(nn.Module):', id: 'class' },
  { text: '    def __init__(self, input_channels, num_channels,' },
  { text: '                use_1x1conv=False, strides=1):' },
  { text: '        super().__init__()' },
  { text: '        self.conv1 = nn.Conv2d(input_channels, num_channels,' },
  { text: '                              kernel_size=3, padding=1, stride=strides)' },
  { text: '        self.conv2 = nn.Conv2d(num_channels, num_channels,' },
  { text: '                              kernel_size=3, padding=1)' },
  { text: '        if use_1x1conv:' },
  { text: '            self.conv3 = nn.Conv2d(input_channels, num_channels,' },
  { text: '                              kernel_size=1, stride=strides)' },
  { text: '        else:' },
  { text: '            self.conv3 = None' },
  { text: '        self.bn1 = nn.BatchNorm2d(num_channels)' },
  { text: '        self.bn2 = nn.BatchNorm2d(num_channels)' },
  { text: '        ' },
  { text: '    def forward(self, X):', id: 'fwd.def' },
  { text: '        Y = F.relu(self.bn1(self.conv1(X)))', id: 'fwd.y1' },
  { text: '        Y = self.bn2(self.conv2(Y))', id: 'fwd.y2' },
  { text: '        if self.conv3:' },
  { text: '            X = self.conv3(X)', id: 'fwd.shortcut' },
  { text: '        print(Y.shape)', id: 'fwd.printY' },
  { text: '        print(X.shape)', id: 'fwd.printX' },
  { text: '        Y += X', id: 'fwd.add' },
  { text: '        return F.relu(Y)', id: 'fwd.relu' },
  { cell: 'In [4]:', text: 'def resnet_block(input_channels, num_channels, ' },
  { text: '                 num_residuals, first_block=False):' },
  { text: '    blk = []' },
  { text: '    for i in range(num_residuals):' },
  { text: '        if i==0 and not first_block:' },
  { text: '            blk.append(Residual(input_channels, num_channels,', id: 'blk.first' },
  { text: '                               use_1x1conv=True, strides=2))' },
  { text: '        else:' },
  { text: '            blk.append(Residual(num_channels, num_channels))', id: 'blk.other' },
  { text: '    return blk' },
  { cell: 'In [5]:', text: 'b1 = nn.Sequential(nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),', id: 'b1.conv' },
  { text: '                   nn.BatchNorm2d(64), nn.ReLU(),', id: 'b1.bn' },
  { text: '                   nn.MaxPool2d(kernel_size=3, stride=2, padding=1))', id: 'b1.maxpool' },
  { cell: 'In [6]:', text: 'b2 = nn.Sequential(*resnet_block(64, 64, 2, first_block=True)) ', id: 'b2' },
  { text: 'b3 = nn.Sequential(*resnet_block(64, 128, 2))', id: 'b3' },
  { text: 'b4 = nn.Sequential(*resnet_block(128, 256, 2))', id: 'b4' },
  { text: 'b5 = nn.Sequential(*resnet_block(256, 512, 2))', id: 'b5' },
  { cell: 'In [7]:', text: 'resnet_18 = nn.Sequential(b1, b2, b3, b4, b5,', id: 'resnet18' },
  { text: '                    nn.AdaptiveAvgPool2d((1,1)),', id: 'pool' },
  { text: '                    nn.Flatten(), nn.Linear(512, 10))', id: 'head' },
  { cell: 'In [8]:', text: 'X = torch.rand(size=(1, 1, 224, 224))', id: 'input' },
];
