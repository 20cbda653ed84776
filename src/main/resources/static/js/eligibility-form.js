// Progressive enhancement: without this, every "in what way?" question shows at once and the form still works.
import { Checkboxes, ErrorSummary, createAll } from '/webjars/govuk-frontend/5.13.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
createAll(Checkboxes);
createAll(ErrorSummary);
