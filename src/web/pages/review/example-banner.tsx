import { FormattedMessage } from 'react-intl';

/** Shown on every page of the EXAMPLE cycle. */
export function ExampleBanner({ example }: { example: boolean }) {
  if (!example) return null;
  return (
    <p className="review-example" role="note">
      <FormattedMessage id="review.example.banner" defaultMessage="EXAMPLE — training data, not a real review" />
    </p>
  );
}
