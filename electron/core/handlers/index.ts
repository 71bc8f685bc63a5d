import type { OpName } from '../../../shared/api/contract';
import { analysisHandlers } from './analysis';
import { consensusHandlers } from './agreement';
import { reportHandlers } from './report';
import { appHandlers, coderHandlers, codersHandlers, projectHandlers } from './app';
import { caseHandlers } from './cases';
import { codebookHandlers } from './codebook';
import { codeHandlers } from './codes';
import { codingHandlers } from './codings';
import { documentHandlers } from './documents';
import { exchangeHandlers } from './exchange';
import { exportHandlers } from './export';
import { historyHandlers } from './history';
import { searchHandlers } from './search';
import { auditHandlers, safetyHandlers, trashHandlers } from './safety';
import { speakerHandlers } from './speakers';
import { taskHandlers } from './task';
import { teamHandlers } from './team';
import type { Handler } from './types';

export { isBatchHandler, type Handler } from './types';

/** Every operation of the contract has exactly one handler; the type checker enforces it. */
export const handlers: { [K in OpName]: Handler<K> } = {
  ...appHandlers,
  ...projectHandlers,
  ...coderHandlers,
  ...codersHandlers,
  ...documentHandlers,
  ...codeHandlers,
  ...codebookHandlers,
  ...codingHandlers,
  ...caseHandlers,
  ...speakerHandlers,
  ...analysisHandlers,
  ...reportHandlers,
  ...searchHandlers,
  ...exportHandlers,
  ...historyHandlers,
  ...teamHandlers,
  ...taskHandlers,
  ...consensusHandlers,
  ...exchangeHandlers,
  ...safetyHandlers,
  ...auditHandlers,
  ...trashHandlers,
};
