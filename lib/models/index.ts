export * from './types';
export { createReplayModel, type ReplayResponse, type ReplayResponses, type ReplayAgentType, type ReplayOptions } from './replay-model';
export { createManualModel, type ManualTurn } from './manual-model';
export { addUsage, estimateTokens, ZERO_USAGE } from './usage';
