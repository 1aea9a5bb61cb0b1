package org.devcd.consoles.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real, headless Chromium driven through Debian's {@code chromedriver} (both installed by the build where they are
 * missing: {@code src/test/browser/install-chromium.sh}, before the integration tests). The paths are given, so Selenium never looks for, or downloads, a
 * browser; the browser's profile and home live under {@code target/}, so nothing is written to the user's home.
 */
final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /** @param workspace this browser's own folder (profile, home), e.g. under {@code target/} */
    static ChromeDriver start(Path workspace) throws Exception {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: install Debian's chromium and chromium-driver "
                        + "(as root: apt-get install chromium chromium-driver)");
            }
        }
        Path home = Files.createDirectories(workspace.resolve("home"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString()))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--no-first-run", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createDirectories(workspace.resolve("profile")));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
