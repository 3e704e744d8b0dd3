export {
  createAgentFromPlayground,
  agentTools,
  ToolSourceError,
  PlaygroundSetupError,
  type AgentFromPlaygroundOptions,
} from './create-agent-from-playground';
