import { h, type VNode } from 'preact';

export function ErrorBox(props: { message: string }): VNode<any> {
  return h('div', { class: 'error', role: 'alert' }, props.message);
}
