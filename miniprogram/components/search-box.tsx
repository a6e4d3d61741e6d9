import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

/**
 * The search field used on the home page, the list and the results page.
 * Searching happens on the keyboard's 搜索 key or the button; an empty field
 * does nothing rather than showing an error.
 */
export function SearchBox(props: { initial?: string; placeholder?: string; autoFocus?: boolean; onSearch: (q: string) => void }) {
  const [value, setValue] = useState(props.initial ?? '');
  const submit = () => {
    const q = value.trim();
    if (q) props.onSearch(q);
  };
  return (
    <View className="search-box" data-testid="search-box">
      <Input
        className="search-box__input"
        value={value}
        maxlength={50}
        confirmType="search"
        nativeProps={{ 'aria-label': props.placeholder ?? '搜索' }}
        focus={props.autoFocus}
        placeholder={props.placeholder ?? '搜索公开信息、办事指南、文号'}
        onInput={(e) => setValue(e.detail.value)}
        onConfirm={submit}
        data-testid="search-input"
      />
      <Text role="button" tabIndex={0} className="search-box__button" onClick={submit} data-testid="search-submit">搜索</Text>
    </View>
  );
}
