// The public versions of the functions whose results display richly in notebooks: each is the
// function of the same name with its result given the non-enumerable `Symbol.for('Jupyter.display')`
// method (src/report/notebook.ts). Same signature, same documentation, same JSON.
import { keyDrivers as keyDriversData } from '../experience/key-drivers.js';
import { peakEnd as peakEndData } from '../experience/peak-end.js';
import { bootstrapImportance as bootstrapImportanceData } from '../importance/bootstrap.js';
import { relativeImportance as relativeImportanceData } from '../importance/relative-importance.js';
import { ols as olsData } from '../regression/ols.js';
import { describeSurvey as describeSurveyData } from '../survey/describe-survey.js';
import { analyze as analyzeData } from './analyze.js';
import * as charts from './charts.js';
import { displayable, withNotebookDisplay } from './notebook.js';

export const analyze = displayable(analyzeData);
export const describeSurvey = displayable(describeSurveyData);
export const peakEnd = displayable(peakEndData);
export const keyDrivers = displayable(keyDriversData);
export const relativeImportance = displayable(relativeImportanceData);
export const bootstrapImportance = displayable(bootstrapImportanceData);
export const ols = displayable(olsData);
export const journeyChart = displayable(charts.journeyChart);
export const driverChart = displayable(charts.driverChart);
export const ipaChart = displayable(charts.ipaChart);
export const peakEndChart = displayable(charts.peakEndChart);

/** All four charts of a Report, keyed as the HTML report's chart slots; each displays as a chart in notebooks. */
export const reportCharts: typeof charts.reportCharts = (report, options) => {
  const specs = charts.reportCharts(report, options);
  for (const spec of Object.values(specs)) withNotebookDisplay(spec);
  return specs;
};
