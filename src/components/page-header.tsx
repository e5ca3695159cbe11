import type { ReactNode } from 'react';
import { page } from './page-styles';

export interface PageHeaderProps {
  readonly title: ReactNode;
  readonly subtitle?: ReactNode;
  readonly actions?: ReactNode;
  readonly avatar?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, avatar }: PageHeaderProps) {
  return (
    <div className={page.header}>
      {avatar}
      <div className={page.heading}>
        <h1 className={page.title} tabIndex={-1}>
          {title}
        </h1>
        {subtitle ? <div className={page.subtitle}>{subtitle}</div> : null}
      </div>
      {actions ? <div className={page.actions}>{actions}</div> : null}
    </div>
  );
}
