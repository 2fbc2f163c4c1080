/** Strings of the ResNet-18 stepper, English and Chinese (same keys; a test checks). */
const en = {
  stepper: {
    placeholder: '',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  stepper: {
    placeholder: '',
  },
};

export const stepperStrings = { en, zh };
