import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './adapters';

describe('isSoftwareRenderer', () => {
  it('names the software rasterisers browsers fall back to', () => {
    for (const name of [
      'Google SwiftShader',
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Microsoft WARP',
    ]) {
      expect(isSoftwareRenderer(name), name).toBe(true);
    }
  });

  it('leaves real GPUs alone', () => {
    for (const name of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'nvidia ampere',
      'Apple M1',
      'AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.7)',
    ]) {
      expect(isSoftwareRenderer(name), name).toBe(false);
    }
  });
});
