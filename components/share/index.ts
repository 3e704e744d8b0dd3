// Sharing, saved playgrounds and files: the pieces the playground mounts.
export { ExportMenu } from './export-menu';
export { LibraryMenu } from './library-menu';
export { ShareDialog } from './share-dialog';
export { ShareNotices } from './share-notices';
export { SharedBanner } from './shared-banner';
