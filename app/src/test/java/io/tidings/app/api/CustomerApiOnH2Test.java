package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;

@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:customer-api" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class CustomerApiOnH2Test extends CustomerApiContract {
}
