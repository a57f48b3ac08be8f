import { useTranslation } from 'react-i18next';
import { satisfactionLevels, type SatisfactionLevel } from '../../../shared/contract/fields';
import type { Ref } from 'react';

interface SatisfactionPickerProps {
  value: SatisfactionLevel | null;
  onChange: (value: SatisfactionLevel | null) => void;
  groupRef?: Ref<HTMLDivElement>;
  onEnter?: () => void;
}

/**
 * The three-level scale plus "not satisfied". Keys 0–3 pick a level, Backspace clears it, Enter
 * moves on: fast enough to ask at the till.
 */
export const SatisfactionPicker = ({ value, onChange, groupRef, onEnter }: SatisfactionPickerProps) => {
  const { t } = useTranslation();
  return (
    <div
      className="satisfaction"
      role="radiogroup"
      aria-label={t('satisfaction.label')}
      tabIndex={0}
      ref={groupRef}
      onKeyDown={(event) => {
        const level = Number(event.key);
        if (event.key.length === 1 && satisfactionLevels.includes(level as SatisfactionLevel)) {
          event.preventDefault();
          onChange(level as SatisfactionLevel);
        } else if (event.key === 'Backspace' || event.key === 'Delete') {
          onChange(null);
        } else if (event.key === 'Enter' && onEnter) {
          event.preventDefault();
          onEnter();
        }
      }}
    >
      {satisfactionLevels.map((level) => (
        <button
          key={level}
          type="button"
          role="radio"
          tabIndex={-1}
          aria-checked={value === level}
          className={`satisfaction-option level-${level}`}
          onClick={() => onChange(value === level ? null : level)}
        >
          <kbd>{level}</kbd> {t(`satisfaction.${level}`)}
        </button>
      ))}
    </div>
  );
};
