/** The groups of keys the `?` overlay lists for each chapter, read from the lists the chapters run. */
import { PATH_ACTIONS } from '../lab/pathActions';
import { TRUTH_ACTIONS } from '../functionClasses/truthActions';
import type { RouteId } from '../routes';
import { STEP_ACTIONS } from '../stepper/actions';
import type { KeyGroup } from './keyAction';

export function pageKeyGroups(route: RouteId): KeyGroup[] {
  switch (route) {
    case 'function-classes':
      return [{ heading: 'chapters.functionClasses', when: 'keys.truth.when', actions: TRUTH_ACTIONS }];
    case 'residual-block':
      return [{ heading: 'chapters.residualBlock', when: 'keys.path.when', actions: PATH_ACTIONS }];
    case 'resnet-18':
      return [
        {
          heading: 'chapters.resnet18',
          actions: STEP_ACTIONS.map((a) => ({ label: `stepper.actions.${a.name}`, keys: a.keys })),
        },
      ];
    case 'race':
      // the race is driven by its buttons; only the page-wide keys apply
      return [];
  }
}
