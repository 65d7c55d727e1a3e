export * from './incidentSchemas';
export * from './problemSchemas';
export * from './actionItemSchemas';
export * from './alertSchemas';
export * from './analysisSchemas';
export * from './summarySchemas';
export * from './statusSchemas';
