/**
 * The part of a chapter a lesson stop talks about: each chapter wraps its parts in a
 * `LessonRegion`, and the one the current stop names is outlined and scrolled into view.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonRegion as RegionName } from '../../explain/lesson/stops';

export const LessonFocus = createContext<RegionName | undefined>(undefined);

interface Props {
  readonly name: RegionName;
  readonly className?: string;
  readonly as?: 'div' | 'aside';
  readonly children: ReactNode;
}

export function LessonRegion({ name, className = '', as: Tag = 'div', children }: Props) {
  const { t } = useTranslation();
  const focused = useContext(LessonFocus) === name;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  return (
    <Tag
      ref={ref}
      className={`${className}${focused ? ' lesson-focus' : ''}`.trim() || undefined}
      data-lesson-region={name}
    >
      {focused && <span className="visually-hidden">{t('lesson.here')}</span>}
      {children}
    </Tag>
  );
}
