import { catalogs } from '../../../shared/i18n';
import { chapterToHtml, chapterToMarkdown } from '../../../shared/report/chapter';
import { methodsParagraph } from '../../../shared/reliability/methods';
import { agreementReport } from '../analysis/agreement';
import { buildChapter } from '../report/chapter';
import { chapterToDocx } from '../report/docx';
import { batch, type HandlersFor } from './types';

export const reportHandlers: HandlersFor<'report'> = {
  // Asynchronous because Word files are packed asynchronously; it only reads.
  'report.build': batch(async ({ themes, by, lang, format, title, reliability }, core) => {
    const project = core.requireProject();
    const labels = catalogs[lang].report;
    const model = buildChapter(project, { themes, by, title: title ?? labels.title });
    if (reliability) model.reliability = methodsParagraph(agreementReport(project, { coders: reliability.coders, unit: reliability.unit }), lang);
    const base = `${project.name}-${lang === 'id' ? 'ringkasan-tematik' : 'thematic-summary'}`;
    if (format === 'docx') return { fileName: `${base}.docx`, content: (await chapterToDocx(model, labels)).toString('base64'), encoding: 'base64' as const };
    return {
      fileName: `${base}.${format}`,
      content: format === 'md' ? chapterToMarkdown(model, labels) : chapterToHtml(model, labels, lang),
      encoding: 'utf8' as const,
    };
  }),
};
