// The first-visit tour of the playground (the How it works page lives at app/how-it-works).
export { Tour } from './tour';
