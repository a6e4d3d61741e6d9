/**
 * Native WeChat custom components used from Taro React pages (declared in the
 * page's usingComponents). Props mirror each component's `properties`.
 */
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'period-progress': {
        label: string;
        state: 'upcoming' | 'open' | 'ended';
        percent: number;
        periodName: string;
        start: string;
        end: string;
        contact?: string;
        onToggle?: (event: { detail: { expanded: boolean } }) => void;
      };
    }
  }
}
