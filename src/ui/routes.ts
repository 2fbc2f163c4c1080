/** The chapters, in the notebook's order, as hash routes. `/` opens ResNet-18. */
export const ROUTES = [
  { id: 'function-classes', labelKey: 'chapters.functionClasses' },
  { id: 'residual-block', labelKey: 'chapters.residualBlock' },
  { id: 'resnet-18', labelKey: 'chapters.resnet18' },
  { id: 'race', labelKey: 'chapters.race' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];
export const DEFAULT_ROUTE: RouteId = 'resnet-18';

/** The chapter a hash names (`#/race`), or undefined. */
export function namedRoute(hash: string): RouteId | undefined {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return ROUTES.find((r) => r.id === id)?.id;
}

export function routeFromHash(hash: string): RouteId {
  return namedRoute(hash) ?? DEFAULT_ROUTE;
}
