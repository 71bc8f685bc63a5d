/**
 * `npm run bench -- --workload DIR` runs the shared coding workload (see workload.ts); otherwise
 * `npm run bench [-- --only slice|import|render|analysis|agreement|load|panes|everyday|tour] [--panes-codes N --panes-codings M] [--agreement-docs N] [--clients N --operations M] [--analysis-docs N] [--analysis-codings C] [--docs N] [--words W] [--codings C] [--import-docs N] [--import-words W] [--docx N]
 *   [--render-words W] [--render-codings C] [--everyday-docs N --everyday-words W --everyday-codings C] [--tour-docs N --tour-codes C --tour-codings M]`
 * Benchmarks are measurements, not tests: keep timings out of `npm test`.
 */
import { parseArgs } from 'node:util';
import { benchAgreement } from './agreement';
import { benchAnalysis } from './analysis';
import { benchEveryday } from './everyday';
import { benchImports } from './imports';
import { benchLoad } from './load';
import { benchPanes } from './panes';
import { benchRender } from './render';
import { benchSlice } from './slice';
import { benchTour } from './tour';
import { benchWorkload } from './workload';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    docs: { type: 'string', default: '100' },
    words: { type: 'string', default: '5000' },
    codings: { type: 'string', default: '50' },
    codes: { type: 'string', default: '30' },
    'import-docs': { type: 'string', default: '1000' },
    'import-words': { type: 'string', default: '8000' },
    docx: { type: 'string', default: '100' },
    'render-words': { type: 'string', default: '100000' },
    'render-codings': { type: 'string', default: '5000' },
    'analysis-docs': { type: 'string', default: '1000' },
    'analysis-words': { type: 'string', default: '3000' },
    'analysis-codings': { type: 'string', default: '100' },
    'agreement-docs': { type: 'string', default: '100' },
    workload: { type: 'string' },
    clients: { type: 'string', default: '50' },
    'panes-codes': { type: 'string', default: '500' },
    'panes-codings': { type: 'string', default: '50000' },
    operations: { type: 'string', default: '10000' },
    'everyday-docs': { type: 'string', default: '1000' },
    'everyday-words': { type: 'string', default: '8000' },
    'everyday-codings': { type: 'string', default: '50000' },
    'tour-docs': { type: 'string', default: '1000' },
    'tour-codes': { type: 'string', default: '50' },
    'tour-codings': { type: 'string', default: '50000' },
  },
});

const wanted = (suite: string) => !values.workload && (!values.only || values.only === suite);
if (values.workload) await benchWorkload(values.workload);
if (wanted('slice')) await benchSlice(Number(values.docs), Number(values.words), Number(values.codings), Number(values.codes));
if (wanted('import')) await benchImports(Number(values['import-docs']), Number(values['import-words']), Number(values.docx));
if (wanted('render')) await benchRender(Number(values['render-words']), Number(values['render-codings']), 5);
if (wanted('analysis')) await benchAnalysis(Number(values['analysis-docs']), Number(values['analysis-words']), Number(values['analysis-codings']));
if (wanted('panes')) await benchPanes(Number(values['panes-codes']), Number(values['panes-codings']));
if (wanted('load')) await benchLoad(Number(values.clients), Number(values.operations));
if (wanted('agreement')) await benchAgreement(Number(values['agreement-docs']), 5000, 50);
if (wanted('everyday')) await benchEveryday(Number(values['everyday-docs']), Number(values['everyday-words']), Number(values['everyday-codings']));
if (wanted('tour')) await benchTour(Number(values['tour-docs']), Number(values['tour-codes']), Number(values['tour-codings']));
