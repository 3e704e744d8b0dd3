// The server side of published playgrounds; used only by app/api/playgrounds.
export * from './content-id';
export * from './http-handlers';
export * from './publish-config';
export * from './publish-server';
export * from './publish-service';
export type * from './repository';
export * from './validate-payload';
