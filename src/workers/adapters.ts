/**
 * What the GPU backends would run on: WebGPU's adapter and WebGL's renderer, as this
 * browser names them. A software rasteriser (SwiftShader, llvmpipe, WARP) is labelled
 * "software": it starts, computes right, and is usually slower than WebAssembly.
 * Runs in a worker (navigator.gpu and OffscreenCanvas exist there) or a page.
 */

export interface AdapterInfo {
  /** WebGPU's adapter, e.g. "Google SwiftShader" (absent: no WebGPU adapter). */
  readonly webgpu?: { readonly description: string; readonly software: boolean };
  /** WebGL's unmasked renderer (absent: no WebGL context). */
  readonly webgl?: { readonly renderer: string; readonly software: boolean };
  /** Browser and adapters in one string: a remembered choice is valid while this stays the same. */
  readonly key: string;
}

/** Renderer names of software rasterisers. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|\bwarp\b|microsoft basic render|software|mesa offscreen/i;

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

interface GpuAdapterLike {
  readonly info?: {
    readonly vendor?: string;
    readonly architecture?: string;
    readonly description?: string;
    readonly device?: string;
    readonly isFallbackAdapter?: boolean;
  };
  readonly isFallbackAdapter?: boolean;
}

async function webgpuAdapter(): Promise<AdapterInfo['webgpu']> {
  // typed loosely: `info` is newer than some lib.dom versions
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return undefined;
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return undefined;
  const info = adapter.info ?? {};
  const description =
    [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(' ') || 'unnamed adapter';
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  return { description, software: fallback || isSoftwareRenderer(description) };
}

function webglRenderer(): AdapterInfo['webgl'] {
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, software: isSoftwareRenderer(renderer) };
  } catch {
    return undefined;
  }
}

/** Ask the browser for its adapters (a few milliseconds; no backend is started). */
export async function probeAdapters(): Promise<AdapterInfo> {
  const webgpu = await webgpuAdapter();
  const webgl = webglRenderer();
  const key = [
    navigator.userAgent,
    `webgpu: ${webgpu?.description ?? 'none'}`,
    `webgl: ${webgl?.renderer ?? 'none'}`,
  ].join(' | ');
  return { ...(webgpu ? { webgpu } : {}), ...(webgl ? { webgl } : {}), key };
}
