import { Testing } from 'cdktf';

// Adds the cdktf matchers (toHaveResource, toHaveResourceWithProperties, toBeValidTerraform...).
Testing.setupJest();
