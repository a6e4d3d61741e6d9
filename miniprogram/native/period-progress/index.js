/**
 * 公示期 / 征求意见期 progress, as a native WeChat custom component.
 *
 * Display only: what the period's state, label and percentage are is decided
 * by the TypeScript domain code (shared/notices/period-status.ts) and passed
 * in. This component draws it, keeps the bar inside 0–100 whatever arrives,
 * and lets the resident tap to see the exact dates and where to object.
 * Plain ES5 with no imports: WeChat loads it as is, and so does
 * miniprogram-simulate in test/native/.
 */
function clampPercent(value) {
  var n = Number(value);
  if (!isFinite(n) || n < 0) return 0;
  return n > 100 ? 100 : Math.round(n);
}

Component({
  properties: {
    label: { type: String, value: '' },
    state: { type: String, value: 'open' },
    percent: { type: Number, value: 0 },
    periodName: { type: String, value: '公示期' },
    start: { type: String, value: '' },
    end: { type: String, value: '' },
    contact: { type: String, value: '' }
  },

  data: {
    expanded: false,
    width: 0
  },

  observers: {
    percent: function (percent) {
      this.setData({ width: clampPercent(percent) });
    }
  },

  methods: {
    onTap: function () {
      var expanded = !this.data.expanded;
      this.setData({ expanded: expanded });
      this.triggerEvent('toggle', { expanded: expanded });
    }
  }
});
