export * from './contact-addresses';
