/**
 * HAR analysis: a HAR file's entries become the same exchanges as live capture, paired by the
 * same engine and checked by the same CORS core. Pure: runs in Node (the CLI) and in the panel.
 */
export { analyzeHar, analyzeHarStream, type AnalyzeHarOptions } from './analyze-har';
export { HarReader, MAX_SKIPPED_LISTED, type HarAnalysis, type HarReaderOptions, type SkippedEntry, type UnexplainedFailure } from './har-reader';
export { warningSentence, type HarWarning } from './har-warning';
export { HarError, harErrorCodes, type HarErrorCode } from './har-error';
export { harRecorders, type HarRecorder, type HarSource } from './har-source';
export { HAR_FRAME_ID, HAR_TAB_ID, NO_RESPONSE } from './har-events';
