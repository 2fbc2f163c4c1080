/**
 * i18next set-up: English and Chinese, chosen by the URL's `lang`.
 * Strings live in modules, one per part of the app, each exporting `{ en, zh }` with the
 * same keys (a test checks); every module is one namespace-free branch of the tree.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { functionClassesStrings } from './functionClasses';
import { raceStrings } from './race';
import { residualBlockStrings } from './residualBlock';
import { stepperStrings } from './stepper';
import { networkStrings } from './network';
import { classroomStrings } from './classroom';
import { runtimeStrings } from './runtime';
import { lessonStrings } from './lesson';
import { presenterStrings } from './presenter';
import { figureStrings } from './figures';
import { gradCheckStrings } from './gradCheck';
import { depthStrings } from './depth';
import { lesionStrings } from './lesion';
import { landscapeStrings } from './landscape';
import { workerSilenceStrings } from './workerSilence';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every string module; each adds top-level keys of its own. */
export const STRING_MODULES = [
  { en, zh },
  functionClassesStrings,
  residualBlockStrings,
  stepperStrings,
  networkStrings,
  classroomStrings,
  runtimeStrings,
  raceStrings,
  lessonStrings,
  presenterStrings,
  figureStrings,
  gradCheckStrings,
  depthStrings,
  lesionStrings,
  landscapeStrings,
  workerSilenceStrings,
] as const;

function merged(lang: Language): Record<string, unknown> {
  return Object.assign({}, ...STRING_MODULES.map((m) => m[lang]));
}

export function createI18n(lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: merged('en') }, zh: { translation: merged('zh') } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initImmediate: false,
    showSupportNotice: false,
  });
  return instance;
}
