import type { FormTableId, FormVersion } from '../../schema/forms/forms.ts';
import type { FormTemplate } from '../formTemplate/formTemplate.ts';
import { TABLE2_TEMPLATES } from '../table2/table2.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { TABLE4_TEMPLATES } from '../table4/table4.ts';

/** The templates of every official table, by table and version. */
export const FORM_TEMPLATES: Readonly<Record<FormTableId, Readonly<Record<FormVersion, FormTemplate>>>> = {
  table2: TABLE2_TEMPLATES,
  table3: TABLE3_TEMPLATES,
  table4: TABLE4_TEMPLATES,
};
