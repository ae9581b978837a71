/** Keeps a failing view (e.g. a chunk that did not load) from blanking the whole pane. */
import { Component, type ReactNode } from 'react';

interface Props {
  message: string;
  children: ReactNode;
}

export class ViewBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render(): ReactNode {
    return this.state.failed ? <p role="alert">{this.props.message}</p> : this.props.children;
  }
}
