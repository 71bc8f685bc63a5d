import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fuzzyFilter } from '../../../shared/text/fuzzy';
import { useActionList } from '../app/actions';

/** Every registered action, found by a few letters of its name (Ctrl+K). */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const actions = useActionList();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const available = useMemo(() => actions.filter((a) => !a.disabled && a.id !== 'palette'), [actions]);
  const shown = query ? fuzzyFilter(query, available, (a) => a.label) : [...available].sort((a, b) => a.label.localeCompare(b.label));

  const choose = (index: number) => {
    const action = shown[index];
    if (!action) return;
    onClose();
    action.run();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') choose(active);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal palette" role="dialog" aria-modal="true" aria-label={t('actions.palette')}>
        <input
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder={t('actions.placeholder')}
          aria-label={t('actions.palette')}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
        />
        <ul id="palette-list" role="listbox">
          {shown.map((action, i) => (
            <li key={action.id} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseEnter={() => setActive(i)} onClick={() => choose(i)}>
              <span>{action.label}</span>
              {action.shortcuts?.[0] && <kbd>{action.shortcuts[0]}</kbd>}
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="hint">{t('actions.none')}</p>}
      </div>
    </div>
  );
}
