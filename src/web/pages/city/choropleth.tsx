import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { type MapArea, SaferMap } from '../../map/safer-map.tsx';
import { ChoroplethLegend } from './choropleth-legend.tsx';
import type { Classification } from './classify.ts';
import { UnitFigures } from './unit-figures.tsx';
import { colourOf, type RateTable } from './unit-rates.ts';

type Props = {
  table: RateTable;
  method: Classification;
  onMethodChange: (method: Classification) => void;
  active: string | undefined;
  onActive: (unit: string | undefined) => void;
};

/** The units coloured by their rate, with the legend and the figures of the unit in focus. */
export function Choropleth({ table, method, onMethodChange, active, onActive }: Props) {
  const intl = useIntl();
  const areas = useMemo<MapArea[]>(
    () =>
      table.units.flatMap((u) =>
        u.geometry ? [{ id: u.unit, geometry: u.geometry, fill: colourOf(u, table.ranges.length) }] : [],
      ),
    [table],
  );
  const activeUnit = table.units.find((u) => u.unit === active);
  return (
    <div className="choropleth">
      <div className="choropleth-map">
        <SaferMap
          title={intl.formatMessage({
            id: 'city.map.label',
            defaultMessage: 'Map of recorded incidents per 100,000 residents, by unit',
          })}
          areas={areas}
          highlight={active}
          onAreaHover={onActive}
        />
      </div>
      <div className="choropleth-side">
        <ChoroplethLegend table={table} method={method} onMethodChange={onMethodChange} />
        <UnitFigures unit={activeUnit} />
      </div>
    </div>
  );
}
