import { expect, test } from './fixtures';

const URL = '/?backend=wasm#/function-classes';
/** A shorter run of the experiment (40 Adam steps per network instead of 200): the full run belongs to the bench. */
const SHORT_RUN = '/?backend=wasm&fsteps=40#/function-classes';

test('steps the figure through F1…F6 in both panels, with captions and the URL', async ({ page, consoleErrors }) => {
  await page.goto(URL);
  const nonNested = page.getByRole('figure', { name: 'Non-nested function classes', exact: true });
  const nested = page.getByRole('figure', { name: 'Nested function classes', exact: true });
  await expect(page.getByText('Class F1 of 6')).toBeVisible();
  await expect(nonNested.getByText(/^F1 is the smallest class/)).toBeVisible();
  await expect(nested.getByText(/^F1 is the smallest class/)).toBeVisible();
  const next = page.getByRole('button', { name: 'Next class' });
  for (let i = 2; i <= 6; i++) {
    await next.click();
    await expect(page.getByText(`Class F${i} of 6`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`fstep=${i}`));
    for (const panel of [nonNested, nested]) await expect(panel.locator('figcaption')).toContainText(`F${i}`);
    // The nested panel never gets farther; at the start position the non-nested one does, at F4.
    await expect(nested.locator('figcaption')).not.toContainText('farther');
    if (i === 4) await expect(nonNested.locator('figcaption')).toContainText('yet its best approximation is farther');
  }
  await expect(next).toBeDisabled();
  await expect(nested.locator('figcaption')).toContainText('f* lies inside F6');
  await page.getByRole('button', { name: 'Previous class' }).click();
  await expect(page.getByText('Class F5 of 6')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Class F5 of 6')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('f* moves with the arrow keys and by dragging; both captions follow', async ({ page }) => {
  await page.goto('/?backend=wasm&fstep=6#/function-classes');
  const nonNested = page.getByRole('figure', { name: 'Non-nested function classes', exact: true });
  const nested = page.getByRole('figure', { name: 'Nested function classes', exact: true });
  const star = nested.getByRole('button', { name: /The truth f\* at \(84, 24\)/ });
  await star.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(nested.getByRole('button', { name: /The truth f\* at \(84, 29\)/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  // One f* for both panels.
  await expect(nonNested.getByRole('button', { name: /The truth f\* at \(83, 29\)/ })).toBeVisible();

  // Drag f* far to the right, out of the nested F6: its distance becomes positive.
  // Figure units to screen pixels through the drawing's own transform (its viewBox, letterboxing included).
  const svg = nested.locator('svg').first();
  const at = async (fx: number, fy: number) =>
    svg.evaluate(
      (el, [x, y]) => {
        const m = (el as SVGSVGElement).getScreenCTM()!;
        return [m.a * x! + m.c * y! + m.e, m.b * x! + m.d * y! + m.f] as const;
      },
      [fx, fy],
    );
  // the page is done starting (the engine is chosen and said), so nothing above the figure moves mid-drag
  await expect(page.getByRole('status', { name: 'Runs on' })).toContainText('WebAssembly');
  // from wherever f* is, to (115, 70); again if the layout still moved under the pointer (a loaded machine)
  await expect(async () => {
    const from = (await nested.getByRole('button', { name: /The truth f\* at/ }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(...(await at(100, 40)), { steps: 5 });
    await page.mouse.move(...(await at(115, 70)), { steps: 5 });
    await page.mouse.up();
    await expect(nested.getByRole('button', { name: /The truth f\* at \((11[4-6]), (69|70|71)\)/ })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(nested.locator('figcaption')).toContainText(
    /F6 is larger than F5, and its best approximation is closer|gets no closer/,
  );
  await page.getByRole('button', { name: 'Put f* back' }).click();
  await expect(nested.getByRole('button', { name: /The truth f\* at \(84, 24\)/ })).toBeVisible();
});

test('the figure speaks Chinese', async ({ page }) => {
  await page.goto('/?lang=zh&backend=wasm&fstep=4#/function-classes');
  const nonNested = page.getByRole('figure', { name: '非嵌套函数类', exact: true });
  await expect(nonNested.locator('figcaption')).toContainText('F4 比 F3 大，它的最好近似却离 f* 更远了');
  await expect(page.getByText('只有当较复杂的函数类包含较小的函数类时')).toBeVisible();
});

test('runs the depth experiment in a worker on WASM and draws both curves', async ({ page, consoleErrors }) => {
  // Seconds on a laptop; minutes on a loaded 2-core CI machine.
  test.setTimeout(480_000);
  await page.goto(SHORT_RUN);
  const experiment = page.getByRole('region', { name: /Measure it/ });
  // the page states the steps this run takes
  await expect(experiment).toContainText('40 full-batch steps');
  await experiment.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(experiment.getByRole('status')).toContainText(/Training the (plain|residual) network of depth \d+/);
  await expect(experiment.getByRole('progressbar', { name: 'Experiment progress' })).toBeVisible();
  await expect(experiment.getByRole('status')).toContainText('This run: WebAssembly (CPU), in a Web Worker', {
    timeout: 200_000,
  });
  const chart = experiment.getByRole('img', { name: 'Final training loss against depth' });
  await expect(chart.locator('g.series[data-points="6"]')).toHaveCount(2);
  await expect(chart.locator('g.series path').first()).toHaveAttribute('d', /^M.+L.+L.+L.+L.+L/);
  await expect(experiment.getByRole('heading', { name: 'What this run measured' })).toBeVisible();
  await expect(
    experiment.getByText(/^At depth 32, the plain network ended at loss [\d.e-]+ and the residual one at [\d.e-]+\.$/),
  ).toBeVisible();
  // The exact part of the construction: a zero-last-layer residual block and a plain layer with W = I change
  // no output; a plain layer of zeros and a randomly started one do.
  await expect(experiment.getByRole('columnheader')).toContainText([
    'Measured',
    'residual, W₂ = 0',
    'plain, W = 0',
    'plain, W = I',
    'plain, random W',
  ]);
  const row = experiment.getByRole('row', { name: /largest change of any output/ });
  await expect(row.getByRole('cell')).toHaveText(['0', /^[\d.]+$/, '0', /^[\d.]+$/]);
  await expect(row.getByRole('cell').nth(1)).not.toHaveText('0');
  await expect(
    experiment.getByText(/^Plain, W = I: the new layer computes relu\(I·h \+ 0\) = relu\(h\) = h/),
  ).toBeVisible();
  await expect(experiment.getByText(/^So the difference is not what the classes contain/)).toContainText(
    'A plain layer is the identity only at W = I exactly, 576 numbers (24 × 24)',
  );

  // Where each family's loss grew with depth, as the table of final losses says, and why.
  await experiment.getByText('Every final loss, by depth').click();
  const losses: Record<'plain' | 'residual', string[]> = { plain: [], residual: [] };
  const depths = ['1', '2', '4', '8', '16', '32'];
  for (const depth of depths) {
    const depthRow = experiment.getByRole('row', { name: new RegExp(`^${depth} [\\d.e-]+ [\\d.e-]+$`) });
    await expect(depthRow).toBeVisible();
    const [plain, residual] = await depthRow.getByRole('cell').allTextContents();
    losses.plain.push(plain!);
    losses.residual.push(residual!);
  }
  let grewAnywhere = false;
  for (const family of ['plain', 'residual'] as const) {
    const l = losses[family];
    const grew = depths
      .slice(1)
      .flatMap((d, i) => (Number(l[i + 1]) > Number(l[i]) ? [[depths[i], d, l[i], l[i + 1]]] : []));
    grewAnywhere ||= grew.length > 0;
    if (grew.length === 0) {
      await expect(
        experiment.getByText(`${family}: the final loss never grew from one depth to the next (5 steps).`),
      ).toBeVisible();
      continue;
    }
    const sentence = experiment.getByText(new RegExp(`^${family}: the final loss grew at ${grew.length} of 5 steps`));
    for (const [from, to, a, b] of grew) await expect(sentence).toContainText(`${from} → ${to} (${a} → ${b})`);
    await expect(
      experiment.getByText(new RegExp(`^Yet the depth-\\d+ ${family} class contains a network`)),
    ).toBeVisible();
  }
  await expect(
    experiment.getByText(
      grewAnywhere
        ? /^Why, when the figure above says the distance can only stay or shrink\? Nesting is a promise about the best function/
        : /^In this run the measured loss never grew with depth/,
    ),
  ).toBeVisible();
  await expect(experiment.getByRole('button', { name: 'Run again' })).toBeEnabled();

  // The same run, said in Chinese.
  await page.getByLabel('Language').selectOption('zh');
  const zh = page.getByRole('region', { name: /动手测量/ });
  await expect(zh.getByRole('columnheader', { name: '普通，W = I' })).toBeVisible();
  await expect(zh.getByText(/^普通，W = I：新层计算 relu\(I·h \+ 0\)/)).toBeVisible();
  await expect(zh.getByText(/^所以区别不在于函数类包含什么/)).toBeVisible();
  await expect(
    zh.getByText(
      grewAnywhere ? /^上面的图说距离只会不变或缩小，为什么这里会变大？/ : /^这次运行中，测得的损失从未随深度增大/,
    ),
  ).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a run can be stopped', async ({ page }) => {
  await page.goto(URL);
  const experiment = page.getByRole('region', { name: /Measure it/ });
  await experiment.getByRole('button', { name: 'Run the experiment' }).click();
  await expect(experiment.getByRole('status')).toContainText(/Training the plain network/);
  await experiment.getByRole('button', { name: 'Stop' }).click();
  await expect(experiment.getByRole('status')).toHaveText(/Stopped/);
  await expect(experiment.getByRole('button', { name: 'Run again' })).toBeEnabled();
});

test('with ?backend=webgpu the worker trains where the page runs, and says where', async ({ page, consoleErrors }) => {
  await page.goto('/?backend=webgpu#/function-classes');
  const experiment = page.getByRole('region', { name: /Measure it/ });
  await experiment.getByRole('button', { name: 'Run the experiment' }).click();
  // the experiment trains on the page's one measured choice, with the header's label (this
  // machine's WebGPU is a software adapter, which may lose to WebAssembly). Any network's
  // progress, or the end: on WebAssembly the whole run can take about 12 s, so a poll may
  // never see the first network's line. Stopping a run is the test above.
  const where = '(WebGPU \\((GPU|software adapter)\\)|WebAssembly \\(CPU\\))';
  await expect(experiment.getByRole('status')).toContainText(
    new RegExp(`(Training the (plain|residual) network of depth \\d+ on|This run:) ${where}`),
    { timeout: 90_000 },
  );
  expect(consoleErrors).toEqual([]);
});
