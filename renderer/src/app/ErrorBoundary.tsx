import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen that fails to render says so and offers a reload, instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <Crashed detail={this.state.error.message} /> : this.props.children;
  }
}

function Crashed({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <div className="crashed" role="alert">
      <p>{t('app.crashed', { detail })}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
