export * from './rule-tester.js';
