import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Capabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import { CopyButton } from '../../../components/copy-button';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { DefinitionList, type DefinitionItem } from './definition-list';
import { FieldValue } from './field-value';
import { OrgStatsCard } from './org-stats-card';

function Copyable({ value, label }: { readonly value: string; readonly label: string }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Typography sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{value}</Typography>
      <CopyButton value={value} label={label} />
    </Stack>
  );
}

function summary(org: Organization, caps: Capabilities): DefinitionItem[] {
  const items: DefinitionItem[] = [
    { term: 'Name', value: <Typography>{org.name}</Typography> },
    {
      term: caps.idLabel,
      value: <Copyable value={org.id} label={`organization ${caps.idLabel}`} />,
    },
  ];
  if (caps.slug) {
    items.push({
      term: caps.slug.label,
      value: org.slug ? (
        <Copyable value={org.slug} label={caps.slug.label} />
      ) : (
        <Typography color="text.secondary">Not set</Typography>
      ),
    });
  }
  if (org.createdAt !== null)
    items.push({
      term: 'Created',
      value: <Typography>{formatDateTime(org.createdAt)}</Typography>,
    });
  if (org.updatedAt !== null)
    items.push({
      term: 'Updated',
      value: <Typography>{formatDateTime(org.updatedAt)}</Typography>,
    });
  if (org.memberCount !== null)
    items.push({
      term: 'Members',
      value: <Typography>{formatNumber(org.memberCount)}</Typography>,
    });
  if (org.pendingInvitationCount !== null) {
    items.push({
      term: 'Pending invitations',
      value: <Typography>{formatNumber(org.pendingInvitationCount)}</Typography>,
    });
  }
  return items;
}

function Section({
  id,
  title,
  subheader,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly subheader?: string;
  readonly children: React.ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <CardHeader
        title={title}
        subheader={subheader}
        slotProps={{ title: { id, component: 'h2', variant: 'h3' } }}
      />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
}

export function OrgOverview({
  org,
  caps,
}: {
  readonly org: Organization;
  readonly caps: Capabilities;
}) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Stack spacing={2}>
          <Section id="org-summary-title" title="Summary">
            <DefinitionList items={summary(org, caps)} />
          </Section>
          {caps.fields.length > 0 ? (
            <Section id="org-settings-title" title="Settings">
              <DefinitionList
                items={caps.fields.map((field) => ({
                  term: field.label,
                  value: (
                    <FieldValue value={org.fields[field.key]} spec={field} label={field.label} />
                  ),
                }))}
              />
            </Section>
          ) : null}
          {caps.stats ? <OrgStatsCard orgId={org.id} /> : null}
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Section
          id="org-provider-fields-title"
          title={`All fields from ${caps.displayName}`}
          subheader="Exactly as the provider returned them"
        >
          <DefinitionList
            items={org.details.map((detail) => ({
              term: detail.key,
              value: <FieldValue value={detail.value} label={detail.key} />,
            }))}
          />
        </Section>
      </Grid>
    </Grid>
  );
}
