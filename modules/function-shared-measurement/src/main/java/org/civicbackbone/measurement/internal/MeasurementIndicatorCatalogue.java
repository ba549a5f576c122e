package org.civicbackbone.measurement.internal;

import java.util.List;
import org.civicbackbone.api.measurement.IndicatorCatalogue;
import org.civicbackbone.api.measurement.IndicatorRef;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers the indicators to other modules (goals, learning questions) while this module is installed. */
@Component(service = IndicatorCatalogue.class)
public class MeasurementIndicatorCatalogue implements IndicatorCatalogue {

    private final SharedMeasurement measurement;

    @Activate
    public MeasurementIndicatorCatalogue(@Reference SharedMeasurement measurement) {
        this.measurement = measurement;
    }

    @Override
    public List<IndicatorRef> indicators(String initiativeId) {
        return measurement.storedIndicators(initiativeId).stream()
                .map(i -> new IndicatorRef(i.id(), i.name(), i.unit())).toList();
    }
}
