import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkFromFiles, type ChosenFile } from './fileWeights';
import { useNodeBackend } from './testBackend';

const DIR = fileURLToPath(new URL('../../public/models/resnet18-fmnist/', import.meta.url));

function file(name: string, content: string | Buffer): ChosenFile {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    name,
    text: async () => buf.toString('utf8'),
    bytes: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
  };
}

const modelJson = readFileSync(`${DIR}model.json`, 'utf8');
const bin = readFileSync(`${DIR}group1-shard1of1.bin`);

beforeAll(async () => {
  await useNodeBackend();
});

describe('your own weights from files', () => {
  it('builds the network from model.json and its .bin, from a folder too, marked as yours', async () => {
    const before = tf.memory().numTensors;
    const net = await networkFromFiles([
      file('weights/model.json', modelJson),
      file('weights/group1-shard1of1.bin', bin),
    ]);
    expect(net.arch.id).toBe('resnet18');
    expect(net.source).toMatchObject({ kind: 'trained', yours: true, url: 'model.json' });
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names what is wrong: no model.json, a missing .bin, weights that do not fit', async () => {
    await expect(networkFromFiles([file('group1-shard1of1.bin', bin)])).rejects.toThrow(
      /none of the chosen files is a model.json/,
    );
    await expect(networkFromFiles([file('model.json', modelJson)])).rejects.toThrow(
      /names "group1-shard1of1.bin", which is not among the chosen files/,
    );
    const wrong = modelJson.replace('"name": "7.weight", "shape": [10, 512]', '"name": "7.weight", "shape": [512, 10]');
    expect(wrong).not.toBe(modelJson);
    const before = tf.memory().numTensors;
    await expect(networkFromFiles([file('model.json', wrong), file('group1-shard1of1.bin', bin)])).rejects.toThrow(
      /do not fit the notebook's ResNet-18: "7.weight" has shape \[512, 10\], expected \[10, 512\]/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
