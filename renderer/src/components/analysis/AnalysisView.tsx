import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementView } from './AgreementView';
import { AuditView } from './AuditView';
import { CooccurrenceView } from './CooccurrenceView';
import { ExchangeView } from './ExchangeView';
import { ExportView } from './ExportView';
import { FrequencyView } from './FrequencyView';
import { ReportView } from './ReportView';
import { WordsView } from './WordsView';

const tabs = ['cooccurrence', 'frequencies', 'words', 'agreement', 'report', 'export', 'exchange', 'audit'] as const;

/** The analysis screens, in the centre of the workspace. */
export function AnalysisView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<(typeof tabs)[number]>('cooccurrence');
  return (
    <div className="analysis-view">
      <div className="tabs" role="tablist" aria-label={t('charts.heading')}>
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(`charts.${name}`)}
          </button>
        ))}
      </div>
      <div className="analysis-body">
        {tab === 'cooccurrence' && <CooccurrenceView />}
        {tab === 'frequencies' && <FrequencyView />}
        {tab === 'words' && <WordsView />}
        {tab === 'agreement' && <AgreementView />}
        {tab === 'report' && <ReportView />}
        {tab === 'export' && <ExportView />}
        {tab === 'exchange' && <ExchangeView />}
        {tab === 'audit' && <AuditView />}
      </div>
    </div>
  );
}
