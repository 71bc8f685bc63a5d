import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mostUsedCodes } from '../../../shared/model/codeTree';
import type { Code } from '../../../shared/model/types';
import { fuzzyFilter } from '../../../shared/text/fuzzy';
import { CodeCard } from './CodeCard';

const SHORTCUT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const SHOWN = 12;

/**
 * Choosing the code for a selection in one gesture: type a few letters and
 * Enter, press a number for one of the ten most used codes, click a chip or
 * one of the codes used last, or code in vivo. (Dragging a code from the
 * codebook onto the text works too.)
 */
export function QuickCode(props: { codes: Code[]; recent: Code[]; onApply(code: Code): void; onInVivo(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hovered, setHovered] = useState<Code | null>(null);
  const shortcuts = mostUsedCodes(props.codes);
  const shown = query ? fuzzyFilter(query, props.codes, (c) => c.name).slice(0, SHOWN) : shortcuts;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const digit = SHORTCUT_KEYS.indexOf(event.key);
    if (query === '' && digit >= 0 && shortcuts[digit]) {
      event.preventDefault();
      props.onApply(shortcuts[digit]!);
    } else if (event.key === 'Enter' && shown[0]) {
      event.preventDefault();
      props.onApply(shown[0]);
    } else if (event.key === 'Escape') {
      props.onCancel();
    }
  };

  return (
    <div className="quick-code">
      <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown} placeholder={t('document.quickCode')} aria-label={t('document.codeAs')} />
      <span className="code-chips" role="group" aria-label={t('document.codeAs')}>
        {shown.map((code, i) => (
          <button
            key={code.id}
            type="button"
            className={query && i === 0 ? 'chip first' : 'chip'}
            style={{ borderColor: code.color }}
            onClick={() => props.onApply(code)}
            onMouseEnter={() => setHovered(code)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setHovered(code)}
            onBlur={() => setHovered(null)}
          >
            {!query && <kbd>{SHORTCUT_KEYS[i]}</kbd>}
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            {code.name}
          </button>
        ))}
        <button type="button" className="chip in-vivo" onClick={props.onInVivo} title={t('document.inVivoTitle')}>
          {t('document.inVivo')}
        </button>
      </span>
      {props.recent.length > 0 && (
        <span className="recent-codes" role="group" aria-label={t('document.recent')}>
          <span className="hint">{t('document.recent')}:</span>
          {props.recent.map((code) => (
            <button key={code.id} type="button" className="chip small" style={{ borderColor: code.color }} onClick={() => props.onApply(code)}>
              {code.name}
            </button>
          ))}
        </span>
      )}
      {/* The card follows the pointer, or else the code Enter would apply. */}
      {(hovered ?? (query ? shown[0] : undefined)) && <CodeCard code={(hovered ?? shown[0])!} />}
    </div>
  );
}
