import type { FormTableId } from '../../schema/forms/forms.ts';

/** One of the six sections every annual report has (the same in the 2019 and 2021 forms). */
export interface OfficialSection {
  /** A stable name for code. */
  readonly key: 'overview' | 'proactiveDisclosure' | 'requests' | 'reviewAndLitigation' | 'problems' | 'other';
  /** The number as printed, e.g. `一、`. */
  readonly number: string;
  /** The heading without its number, as a report's `heading`. */
  readonly heading: string;
  /** The official table the section holds, if any. */
  readonly table?: FormTableId;
}

/**
 * The six official section headings (国办公开办函〔2019〕60号 and 〔2021〕30号), in order.
 * Sections 二, 三 and 四 each hold one statistics table; 一, 五 and 六 are prose.
 */
export const OFFICIAL_SECTIONS: readonly OfficialSection[] = [
  { key: 'overview', number: '一、', heading: '总体情况' },
  { key: 'proactiveDisclosure', number: '二、', heading: '主动公开政府信息情况', table: 'table2' },
  { key: 'requests', number: '三、', heading: '收到和处理政府信息公开申请情况', table: 'table3' },
  { key: 'reviewAndLitigation', number: '四、', heading: '政府信息公开行政复议、行政诉讼情况', table: 'table4' },
  { key: 'problems', number: '五、', heading: '存在的主要问题及改进情况' },
  { key: 'other', number: '六、', heading: '其他需要报告的事项' },
];
