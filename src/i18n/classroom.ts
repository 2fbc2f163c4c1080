/**
 * Strings for what can go wrong in class, English and Chinese (same keys; a test checks):
 * a picture that cannot be used, weights files that are missing or damaged, a new version
 * of the site.
 */
const en = {
  picture: {
    rejected: {
      empty: '“{{name}}” is an empty file (0 bytes). Choose a picture file: a PNG, JPEG, GIF or WebP photo or drawing.',
      svg: '“{{name}}” is an SVG drawing, which is made of shapes, not pixels. Export it as PNG first, or take a screenshot of it, and upload that.',
      heic: '“{{name}}” is a HEIC photo (as iPhones save them), which this browser cannot open. Save or share it as JPEG and upload that.',
      notImage:
        '“{{name}}” is not a picture file. Choose a PNG, JPEG, GIF or WebP photo or drawing (for example a photo of a shoe).',
      corrupt:
        '“{{name}}” looks like a {{format}} picture but cannot be decoded: the file is damaged or was cut off while copying. Save or download it again, or choose another picture.',
      blank: '“{{name}}” shows nothing: it is all white or all black. Choose a picture with one object in it.',
      unreadable: 'This browser could not read “{{name}}”. Save it as PNG and try again, or choose another picture.',
    },
    kept: 'The previous input and step stay as they were.',
    note: {
      tiny: 'This picture is only {{width}}×{{height}} pixels: it was enlarged, so the network sees flat blocks of gray.',
      animated: 'This is an animated GIF with {{frames}} frames: the network sees the first frame.',
      reduced:
        'This photo has {{width}}×{{height}} pixels ({{megapixels}} megapixels); it was decoded at {{decodedWidth}}×{{decodedHeight}}, which is plenty for a 28×28 input.',
    },
  },
  weightsFile: {
    missing: 'The weights file {{file}} is missing on the server ({{detail}}).',
    unreachable: 'The weights file {{file}} could not be downloaded ({{detail}}).',
    truncated: 'The weights file {{file}} arrived incomplete ({{detail}}): the download was cut off.',
    altered:
      'The weights file {{file}} is not the file this page was built with: its SHA-256 checksum does not match ({{detail}}).',
    invalid: 'The weights file {{file}} cannot be read ({{detail}}).',
    fallback:
      'The page runs the shape-only trace with untrained random weights instead: every shape is real, the predictions mean nothing. Reload to try again; if it keeps happening, ask whoever runs this site to copy the models folder again.',
    retry: 'Reload and try again',
    unverified:
      'These weights carry no SHA-256 checksums (your own export?), so the page could not check that they arrived intact.',
    untrained: 'untrained',
  },
  appUpdate: {
    ready: 'A new version is ready — reload',
    readyHint: 'Reload when it suits the lesson: this page keeps working as it is until then.',
    later: 'Later',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  picture: {
    rejected: {
      empty: '“{{name}}”是一个空文件（0 字节）。请选择图片文件：PNG、JPEG、GIF 或 WebP 格式的照片或图画。',
      svg: '“{{name}}”是 SVG 矢量图，由形状而不是像素组成。请先把它导出为 PNG，或者截图后再上传。',
      heic: '“{{name}}”是 HEIC 格式的照片（iPhone 的默认格式），这个浏览器无法打开。请把它存为或分享为 JPEG 后再上传。',
      notImage: '“{{name}}”不是图片文件。请选择 PNG、JPEG、GIF 或 WebP 格式的照片或图画（例如一张鞋的照片）。',
      corrupt:
        '“{{name}}”看起来是 {{format}} 图片，但无法解码：文件已损坏，或者复制时被截断。请重新保存或下载，或者换一张图片。',
      blank: '“{{name}}”里什么也没有：整张图全白或全黑。请选择一张包含一个物体的图片。',
      unreadable: '这个浏览器无法读取“{{name}}”。请把它另存为 PNG 再试，或者换一张图片。',
    },
    kept: '之前的输入和步骤保持不变。',
    note: {
      tiny: '这张图片只有 {{width}}×{{height}} 像素：它被放大了，所以网络看到的是一块块平坦的灰色。',
      animated: '这是一张有 {{frames}} 帧的动图（GIF）：网络看到的是第一帧。',
      reduced:
        '这张照片有 {{width}}×{{height}} 像素（{{megapixels}} 百万像素）；它以 {{decodedWidth}}×{{decodedHeight}} 解码，对 28×28 的输入绰绰有余。',
    },
  },
  weightsFile: {
    missing: '服务器上缺少权重文件 {{file}}（{{detail}}）。',
    unreachable: '无法下载权重文件 {{file}}（{{detail}}）。',
    truncated: '权重文件 {{file}} 不完整（{{detail}}）：下载被中断了。',
    altered: '权重文件 {{file}} 不是构建本页面时的那个文件：它的 SHA-256 校验值不符（{{detail}}）。',
    invalid: '无法读取权重文件 {{file}}（{{detail}}）。',
    fallback:
      '页面改用未经训练的随机权重，只演示形状：每个形状都是真实的，预测没有意义。请重新加载再试；如果一直这样，请让网站管理员重新复制 models 文件夹。',
    retry: '重新加载再试',
    unverified: '这组权重没有 SHA-256 校验值（是你自己导出的吗？），所以页面无法确认它们完整无误。',
    untrained: '未训练',
  },
  appUpdate: {
    ready: '新版本已就绪——重新加载',
    readyHint: '在课堂方便的时候再重新加载：在那之前，本页面照常工作。',
    later: '稍后',
  },
};

export const classroomStrings = { en, zh };
