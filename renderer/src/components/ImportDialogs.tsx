import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeImport } from '../../../shared/api/contract';
import type { ImportOutcome, SurveyPreview } from '../../../shared/model/types';
import { useImport, useImportState, type SurveyChoice } from '../app/importQueue';
import { ExchangeSummary } from './ExchangeSummary';

type Role = SurveyPreview['columns'][number]['role'];
const roles: Role[] = ['id', 'attribute', 'text', 'ignore'];
const roleLabel = { id: 'survey.roleId', attribute: 'survey.roleAttribute', text: 'survey.roleText', ignore: 'survey.roleIgnore' } as const;

/** Whichever step of an import is under way: survey roles, progress, or the summary. */
export function ImportDialogs({ onReviewSpeakers }: { onReviewSpeakers(): void }) {
  const { cancel, dismiss } = useImport();
  const state = useImportState();
  if (state.phase === 'survey') return <SurveyDialog preview={state.preview} onAnswer={state.answer} />;
  if (state.phase === 'running') return <ImportProgress current={state.current} total={state.total} fileName={state.fileName} onCancel={cancel} />;
  if (state.phase === 'done')
    return (
      <ImportSummary
        outcomes={state.outcomes}
        exchanges={state.exchanges}
        total={state.total}
        cancelled={state.cancelled}
        onClose={dismiss}
        onReviewSpeakers={() => {
          dismiss();
          onReviewSpeakers();
        }}
      />
    );
  return null;
}

function SurveyDialog({ preview, onAnswer }: { preview: SurveyPreview; onAnswer(choice: SurveyChoice | null): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Role[]>(preview.columns.map((c) => c.role));
  const columnsWith = (role: Role) => preview.columns.filter((_, i) => chosen[i] === role).map((c) => c.name);
  const setRole = (index: number, role: Role) =>
    setChosen((current) => current.map((r, i) => (i === index ? role : role === 'id' && r === 'id' ? 'attribute' : r)));

  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-modal="true" aria-label={t('survey.title', { file: preview.fileName })}>
        <h2>{t('survey.title', { file: preview.fileName })}</h2>
        <p className="hint">
          {t('survey.rows', { count: preview.rowCount, delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter })} {t('survey.explain')}
        </p>
        <div className="table-scroll">
          <table className="survey-columns">
            <thead>
              <tr>
                <th>{t('survey.column')}</th>
                <th>{t('survey.role')}</th>
                <th>{t('survey.samples')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column, i) => (
                <tr key={column.name} data-column={column.name}>
                  <td>{column.name}</td>
                  <td>
                    <select value={chosen[i]} onChange={(e) => setRole(i, e.target.value as Role)} aria-label={`${t('survey.role')}: ${column.name}`}>
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(roleLabel[role])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="samples">{column.samples.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {columnsWith('text').length === 0 && <p className="hint warn">{t('survey.needText')}</p>}
        <div className="modal-actions">
          <button type="button" onClick={() => onAnswer(null)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={columnsWith('text').length === 0}
            onClick={() => onAnswer({ idColumn: columnsWith('id')[0], textColumns: columnsWith('text'), attributeColumns: columnsWith('attribute') })}
          >
            {t('survey.import')}
          </button>
        </div>
      </div>
    </div>
  );
}

function ImportProgress(props: { current: number; total: number; fileName: string; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={t('importer.summaryTitle')}>
        <p className="progress-label">{t('importer.progress', { current: props.current, total: props.total, file: props.fileName })}</p>
        <progress max={props.total} value={props.current - 1} aria-label={t('importer.progress', { current: props.current, total: props.total, file: props.fileName })} />
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            {t('importer.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

function ImportSummary(props: { outcomes: ImportOutcome[]; exchanges: ExchangeImport[]; total: number; cancelled: boolean; onClose(): void; onReviewSpeakers(): void }) {
  const { t } = useTranslation();
  const count = (status: ImportOutcome['status']) => props.outcomes.filter((o) => o.status === status).length;
  const speakers = [...new Set(props.outcomes.flatMap((o) => (o.status === 'imported' ? o.speakers : [])))];
  const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-modal="true" aria-label={t('importer.summaryTitle')}>
        <h2>{t('importer.summaryTitle')}</h2>
        <p className="import-counts">{t('documents.importSummary', { imported: count('imported'), duplicate: count('duplicate'), failed: count('failed') })}</p>
        {props.cancelled && <p className="hint warn">{t('importer.cancelled', { done: props.outcomes.length, total: props.total })}</p>}
        {props.exchanges.map((summary) => (
          <ExchangeSummary key={summary.file} summary={summary} />
        ))}
        <ul className="import-outcomes">
          {props.outcomes.map((outcome) => (
            <li key={outcome.file} className={`outcome-${outcome.status}`} data-file={fileName(outcome.file)}>
              <strong>{fileName(outcome.file)}</strong>
              {outcome.status === 'imported' && (
                <span>
                  {t('importer.imported')} → {outcome.documents.length > 1 ? t('importer.documentsMade', { count: outcome.documents.length }) : outcome.document}
                  {outcome.speakers.length > 0 && ` · ${t('importer.speakersFound', { names: outcome.speakers.join(', ') })}`}
                </span>
              )}
              {outcome.status === 'duplicate' && (
                <span>
                  {t('importer.duplicate')} (“{outcome.document}”)
                </span>
              )}
              {outcome.status === 'failed' && <span className="reason">{t(`errors.${outcome.error.code}`, { ...outcome.error.params, defaultValue: outcome.error.message })}</span>}
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          {speakers.length > 0 && (
            <button type="button" onClick={props.onReviewSpeakers}>
              {t('importer.reviewSpeakers')}
            </button>
          )}
          <button type="button" className="primary" onClick={props.onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
