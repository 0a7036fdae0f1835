package io.tidings.customer;

import io.tidings.api.model.BulkItemResult;
import io.tidings.api.model.BulkUpsertResult;
import io.tidings.api.model.FieldError;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;

/** Customers as the REST API shows them. */
public final class CustomerJson {

    private CustomerJson() {
    }

    /** The API view of a customer. */
    public static io.tidings.api.model.Customer toApi(Customer customer) {
        CustomerProfile profile = customer.profile();
        ExternalRefs refs = profile.externalRefs();
        Region region = profile.region();
        return new io.tidings.api.model.Customer()
                .id(customer.id())
                .externalRefs(new io.tidings.api.model.ExternalRefs()
                        .zendeskUserId(refs.zendeskUserId())
                        .salesforceContactId(refs.salesforceContactId())
                        .salesforceIndividualId(refs.salesforceIndividualId()))
                .email(profile.email())
                .phone(profile.phone())
                .locale(profile.locale() == null ? null : profile.locale().toLanguageTag())
                .timeZone(profile.timeZone() == null ? null : profile.timeZone().getId())
                .region(region.isUnknown() ? null : new io.tidings.api.model.Region()
                        .country(region.country())
                        .subdivision(region.subdivision())
                        .postalCode(region.postalCode()))
                .segments(new ArrayList<>(profile.segments()))
                .services(new ArrayList<>(profile.services()))
                .createdAt(customer.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(customer.updatedAt().atOffset(ZoneOffset.UTC));
    }

    static BulkUpsertResult toApi(BulkUpsert.Outcome outcome) {
        return new BulkUpsertResult()
                .created((int) outcome.count(BulkUpsert.Kind.CREATED))
                .updated((int) outcome.count(BulkUpsert.Kind.UPDATED))
                .unchanged((int) outcome.count(BulkUpsert.Kind.UNCHANGED))
                .failed((int) outcome.count(BulkUpsert.Kind.FAILED))
                .results(outcome.results().stream().map(CustomerJson::toApi).toList());
    }

    private static BulkItemResult toApi(BulkUpsert.Result result) {
        BulkItemResult item = new BulkItemResult()
                .index(result.index())
                .outcome(BulkItemResult.OutcomeEnum.fromValue(result.kind().name().toLowerCase(Locale.ROOT)))
                .id(result.customerId());
        if (!result.violations().isEmpty()) {
            item.setErrors(result.violations().stream()
                    .map(violation -> new FieldError().field(violation.field()).message(violation.message()))
                    .toList());
        }
        return item;
    }
}
