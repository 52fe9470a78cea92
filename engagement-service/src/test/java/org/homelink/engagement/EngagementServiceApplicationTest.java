package org.homelink.engagement;

import org.homelink.platform.testing.ServiceStartsHealthy;

class EngagementServiceApplicationTest extends ServiceStartsHealthy {
}
